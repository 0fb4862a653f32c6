// Compiled by the policy_has_no_qt test with model/policy's include paths only: it
// must fail, because the engine links nlohmann/json and the standard library alone.
#include "Evaluator.h"
#include <QString>

int main()
{
    return QString("engine").size() > 0 ? 0 : 1;
}
