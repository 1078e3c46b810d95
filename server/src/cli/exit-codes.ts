// The exit codes of every fazhi-lint command (docs/rules.md), whatever the output format.
/** No finding at or above --fail-on. */
export const EXIT_OK = 0;
/** Findings at or above --fail-on; or some inputs unreadable (or a rule crashed) while others were checked. */
export const EXIT_FINDINGS = 1;
/** Nothing could be checked: bad arguments, bad config, no readable input. */
export const EXIT_FAILURE = 2;
