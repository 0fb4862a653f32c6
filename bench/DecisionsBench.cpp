// iam-decisions-bench: what the live decisions panel costs per keystroke.
//
//   iam-decisions-bench [ROLES]      (default 1000 roles in the big workspace)
//
// 1. A keystroke's re-evaluation, DecisionBatch::run() (on the worker thread in the
//    app): lab-user with the walkthrough's IAM-User-Policy edited, and with a "*"
//    policy, on the walkthrough's account and on a big one (ROLES roles and as many
//    customer-managed policies). Median and worst of 30 runs after a warm-up.
// 2. Building the batch (GUI thread, once per account or principal change).
// 3. LiveDecisions as the app drives it: a learner typing an action into the policy
//    (bursts of five keystrokes 60 ms apart, pauses of 400 ms), with a 1 ms probe
//    timer on the GUI thread. Reports what each keystroke cost the GUI thread, the debounce
//    hand-over, the merge of each result into the model, and the longest the
//    event loop was kept from the probe (what a user would feel as a stutter).

#include "AccountCommands.h"
#include "DecisionBatch.h"
#include "DecisionsModel.h"
#include "LiveDecisions.h"
#include "ServiceCatalog.h"
#include "WorkspaceDocument.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

const char *kUserPolicy = R"({"Version": "2012-10-17",
 "Statement": [
  {"Effect": "Allow", "Action": "ec2:*", "Resource": "*"},
  {"Effect": "Allow", "Action": "iam:PassRole",
   "Resource": "arn:aws:iam::111122223333:role/S3Access"}]})";
const char *kStarPolicy = R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]})";
const char *kTrust = R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["sts:AssumeRole"], "Principal": {"Service": ["ec2.amazonaws.com"]}}]})";

struct Stats
{
    double median = 0;
    double worst = 0;
};

Stats measure(int runs, const std::function<void()> &work)
{
    work();   // warm-up: caches, first allocations
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        const auto start = Clock::now();
        work();
        times.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    std::sort(times.begin(), times.end());
    return {times[times.size() / 2], times.back()};
}

void walkthroughRoles(WorkspaceDocument &doc)
{
    for (const char *name : {"S3Access", "Other"}) {
        RoleDraft draft;
        draft.name = QString::fromLatin1(name);
        draft.trustPolicy = QString::fromLatin1(kTrust);
        draft.createInstanceProfile = true;
        if (draft.name == QLatin1String("S3Access"))
            draft.policyArns = {QStringLiteral("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess")};
        doc.execute(createRoleCommand(doc, draft));
    }
}

// ROLES roles with an EC2 trust policy and two of ROLES customer-managed policies.
void addBigWorkspace(iam::Account &account, int roles)
{
    auto &policies = account.mutablePolicies();
    for (int i = 0; i < roles; ++i) {
        const std::string n = std::to_string(i);
        iam::ManagedPolicy policy;
        policy.name = "Policy" + n;
        policy.id = account.newId("ANPA");
        policy.createDate = "2024-01-01T00:00:00Z";
        policy.versions = {{"v1",
                            R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": ["arn:aws:s3:::bucket-)"
                                + n + R"(", "arn:aws:s3:::bucket-)" + n + R"(/*"]}]})",
                            "2024-01-01T00:00:00Z"}};
        policies.push_back(std::move(policy));
    }
    for (int i = 0; i < roles; ++i) {
        iam::Role role;
        role.name = "Role" + std::to_string(i);
        role.id = account.newId("AROA");
        role.createDate = "2024-01-01T00:00:00Z";
        role.trustPolicy = kTrust;
        for (int k = 0; k < 2; ++k)
            role.attachedPolicies.push_back(account.policyArn(policies[static_cast<std::size_t>((2 * i + k) % roles)]));
        account.mutableRoles().push_back(std::move(role));
    }
}

iam::DecisionScenario labUserScenario()
{
    iam::DecisionScenario scenario;
    scenario.principal = iam::CallerIdentity::user("lab-user");
    scenario.placement = iam::EditedPolicyPlacement::InlinePolicy;
    scenario.editedPolicyId = "IAM-User-Policy";
    return scenario;
}

void benchBatch(const char *workspace, WorkspaceDocument &doc)
{
    const iam::ServiceCatalog *catalog = doc.catalogs().services;
    std::unique_ptr<iam::DecisionBatch> batch;
    const Stats build = measure(10, [&] {
        batch = std::make_unique<iam::DecisionBatch>(doc.account(), catalog, labUserScenario());
    });
    std::printf("%s: build the batch (GUI thread, per account/principal change): median %.2f ms, worst %.2f ms\n",
                workspace, build.median, build.worst);
    for (const auto &[name, text] : {std::pair{"walkthrough policy", kUserPolicy}, std::pair{"\"*\" policy", kStarPolicy}}) {
        std::size_t rows = 0;
        std::size_t notes = 0;
        const Stats run = measure(30, [&, text = text] {
            const iam::DecisionResult result = batch->run(text);
            rows = result.rows.size();
            notes = result.notes.size();
        });
        std::printf("%s, %s: %zu rows (%zu notes), re-evaluation per keystroke: median %.2f ms, worst %.2f ms\n",
                    workspace, name, rows, notes, run.median, run.worst);
    }
}

// The longest a 1 ms timer is late over a second of an idle event loop: what the
// scheduler alone costs on this machine.
double eventLoopNoise(QCoreApplication &app)
{
    QElapsedTimer clock;
    clock.start();
    qint64 last = clock.nsecsElapsed();
    double worst = 0;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(1);
    QObject::connect(&probe, &QTimer::timeout, &app, [&] {
        const qint64 now = clock.nsecsElapsed();
        worst = std::max(worst, static_cast<double>(now - last) / 1e6 - 1.0);
        last = now;
    });
    probe.start();
    while (clock.elapsed() < 1000)
        app.processEvents(QEventLoop::WaitForMoreEvents);
    return std::max(0.0, worst);
}

// Types `typed` into the policy after `prefix`, in bursts, through LiveDecisions.
void benchTyping(const char *workspace, WorkspaceDocument &doc, QCoreApplication &app)
{
    LiveDecisions live(doc);
    live.setPrincipal(iam::CallerIdentity::user("lab-user"));
    // Typing a second action into statement 2's list, character by character: each
    // text parses, the unknown prefixes ("s3:Li") come and go as rows, and the
    // PassRole rows stay.
    const QString before = QString::fromLatin1(kUserPolicy).replace(QStringLiteral("\"Action\": \"iam:PassRole\""),
                                                                    QStringLiteral("\"Action\": [\"iam:PassRole\", \"%1\"]"));
    const QString typed = QStringLiteral("s3:ListAllMyBuckets");
    live.setEditedPolicy(before.arg(QString()), iam::EditedPolicyPlacement::InlinePolicy, QStringLiteral("IAM-User-Policy"));
    while (live.isBusy())
        app.processEvents(QEventLoop::WaitForMoreEvents);

    const double noise = eventLoopNoise(app);
    double worstStall = 0;
    QElapsedTimer probeClock;
    probeClock.start();
    qint64 lastTick = probeClock.nsecsElapsed();
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(1);
    QObject::connect(&probe, &QTimer::timeout, &app, [&] {
        const qint64 now = probeClock.nsecsElapsed();
        worstStall = std::max(worstStall, static_cast<double>(now - lastTick) / 1e6 - 1.0);
        lastTick = now;
    });
    probe.start();

    int typedChars = 0;
    QTimer keyboard;
    keyboard.setSingleShot(true);
    QObject::connect(&keyboard, &QTimer::timeout, &app, [&] {
        ++typedChars;
        live.setPolicyText(before.arg(typed.left(typedChars)));
        if (typedChars < typed.size())
            keyboard.start(typedChars % 5 == 0 ? 400 : 60);   // a pause after every fifth key
    });
    keyboard.start(60);
    while (typedChars < typed.size() || live.isBusy())
        app.processEvents(QEventLoop::WaitForMoreEvents);
    probe.stop();

    const LiveDecisions::Timings &t = live.timings();
    std::printf("%s, typing %lld keys (LiveDecisions): %d results landed, %d texts with grammar errors, %d stale "
                "dropped, %d rows at the end\n",
                workspace, static_cast<long long>(typed.size()), t.results, t.rejected, t.dropped,
                live.model()->rowCount());
    const auto mean = [](double total, int count) { return count ? total / count : 0.0; };
    std::printf("  GUI thread, mean / worst: keystroke %.3f / %.3f ms, debounce hand-over %.3f / %.3f ms, merge into "
                "the model %.2f / %.2f ms; building the batch once: %.2f ms\n",
                mean(t.totalKeystroke, t.keystrokes), t.worstKeystroke, mean(t.totalStart, t.starts), t.worstStart,
                mean(t.totalApply, t.results), t.worstApply, t.worstBuild);
    std::printf("  worker: worst run %.2f ms; longest event-loop stall seen by a 1 ms probe: %.2f ms "
                "(%.2f ms with nothing to do: the machine's noise)\n",
                t.worstRun, std::max(0.0, worstStall), noise);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int roles = argc > 1 ? std::max(1, std::atoi(argv[1])) : 1000;

    const auto loadStart = Clock::now();
    const Catalogs &catalogs = Catalogs::bundled();
    if (!catalogs.services) {
        std::fprintf(stderr, "iam-decisions-bench: %s\n", qPrintable(catalogs.error));
        return 1;
    }
    std::printf("catalog loaded in %.0f ms (%zu actions)\n",
                std::chrono::duration<double, std::milli>(Clock::now() - loadStart).count(),
                catalogs.services->actionCount());

    WorkspaceDocument walkthrough(catalogs);
    walkthroughRoles(walkthrough);
    benchBatch("walkthrough account", walkthrough);
    benchTyping("walkthrough account", walkthrough, app);

    WorkspaceDocument big(catalogs);
    walkthroughRoles(big);
    addBigWorkspace(big.account(), roles);
    const std::string label = "big workspace (" + std::to_string(roles) + " roles)";
    benchBatch(label.c_str(), big);
    benchTyping(label.c_str(), big, app);
    return 0;
}
