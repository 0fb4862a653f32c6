#include "DecisionWorker.h"

#include <chrono>

#ifdef __linux__
#include <pthread.h>
#include <sched.h>
#endif

DecisionWorker::DecisionWorker(Deliver deliver)
    : m_deliver(std::move(deliver))
    , m_thread([this] { loop(); })
{
}

DecisionWorker::~DecisionWorker()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stop = true;
        m_pending.reset();
    }
    m_wake.notify_one();
    m_thread.join();
}

void DecisionWorker::submit(std::uint64_t generation, std::shared_ptr<const iam::DecisionBatch> batch, std::string text)
{
    {
        const std::lock_guard lock(m_mutex);
        // A job nobody has started is stale once a newer one comes: replace it.
        m_pending = Job{generation, std::move(batch), std::move(text)};
    }
    m_wake.notify_one();
}

void DecisionWorker::loop()
{
#ifdef __linux__
    // A batch thread: the scheduler then lets the GUI thread that just woke us keep
    // its core instead of handing it over (sched(7), SCHED_BATCH); without this the
    // hand-over of each text cost the GUI thread milliseconds on a busy machine.
    const sched_param batch{};
    pthread_setschedparam(pthread_self(), SCHED_BATCH, &batch);
#endif
    for (;;) {
        Job job;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stop || m_pending.has_value(); });
            if (m_stop)
                return;
            job = std::move(*m_pending);
            m_pending.reset();
        }
        const auto start = std::chrono::steady_clock::now();
        auto decisions = std::make_shared<iam::DecisionResult>(job.batch->run(job.text));
        const std::chrono::duration<double, std::milli> took = std::chrono::steady_clock::now() - start;
        // The batch may hold the last reference to policies compiled on the GUI
        // thread; dropping it here is fine: compiled policies are immutable.
        job.batch.reset();
        m_deliver(job.generation, Result{std::move(decisions), took.count()});
    }
}
