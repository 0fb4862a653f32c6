#pragma once

// Explain: a decision and its trace in words, for people. The evaluator records
// the trace (EvaluationOptions::trace); this turns it into indented lines such as
//
//   s3:GetObject on arn:aws:s3:::lab-bucket/notes.txt: implicitDeny
//     because no identity-based policy allows the s3:GetObject action
//     1. Explicit deny: no statement denies
//        PolicyInputList.1 statement 1 (line 4): action does not match
//     ...

#include "Evaluator.h"

#include <string>
#include <string_view>

namespace iam {

std::string explainDecision(const Decision &decision, std::string_view action, std::string_view resource);

} // namespace iam
