#pragma once

// What Account keeps private but a workspace must carry over: its fixed clock and
// its id counter. Account has no accessors for them yet, so these recover them
// through its public API; once Account gains fixedClock()/idCounter() and
// setIdCounter(), these become one-line forwards.

#include "Account.h"

#include <cstdint>
#include <string>

namespace iam {

// The time setClock() fixed, or empty when the account follows the wall clock.
// A fixed clock is recognised as one whose now() is not the wall clock's time; a
// clock fixed to the very second of the call reads as the wall clock.
std::string fixedClock(const Account &account);

// The highest id counter whose id (IAM's, or EC2's hex form) is still in use: the
// counter newId() must move past so that new ids never repeat a live one. Exact
// when the last draw made an id that is still there; draws that left nothing
// behind (temporary credentials, deleted entities) after it are not recovered, so
// ids made after a reload may differ from those of an unbroken session.
std::uint64_t idCounter(const Account &account);

// Moves a fresh account's counter to `counter` (newId() is a function of the
// counter, so drawing that many ids lands on the same next id).
void restoreIdCounter(Account &account, std::uint64_t counter);

} // namespace iam
