#pragma once

// The thread LiveDecisions evaluates on, so that no keystroke waits on the engine.
// One job runs at a time; a job submitted while another runs replaces any job still
// waiting (only the newest text matters), and each result is handed to `deliver`
// on the worker thread, tagged with the job's generation, for the owner to post to
// its own thread and drop if stale.
//
//   DecisionWorker worker([this](std::uint64_t generation, DecisionWorker::Result result) {
//       QMetaObject::invokeMethod(this, [=] { resultReady(generation, result); }, Qt::QueuedConnection);
//   });
//   worker.submit(++m_generation, m_batch, text);
//
// The destructor waits for a running job to finish; `deliver` is not called after it returns.

#include "DecisionBatch.h"

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

class DecisionWorker
{
public:
    struct Result
    {
        std::shared_ptr<iam::DecisionResult> decisions;   // the owner's alone once delivered
        double milliseconds = 0;   // time the run took on the worker
    };
    using Deliver = std::function<void(std::uint64_t generation, Result result)>;

    explicit DecisionWorker(Deliver deliver);
    ~DecisionWorker();
    DecisionWorker(const DecisionWorker &) = delete;
    DecisionWorker &operator=(const DecisionWorker &) = delete;

    void submit(std::uint64_t generation, std::shared_ptr<const iam::DecisionBatch> batch, std::string text);

private:
    struct Job
    {
        std::uint64_t generation = 0;
        std::shared_ptr<const iam::DecisionBatch> batch;
        std::string text;
    };

    void loop();

    Deliver m_deliver;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::optional<Job> m_pending;   // guarded by m_mutex
    bool m_stop = false;            // guarded by m_mutex
    std::thread m_thread;           // last: starts once the members above exist
};
