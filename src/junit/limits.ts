/** Limits of the JUnit reader. */

/** Longest failure message kept per test; the rest of a stack trace is not evidence the gate needs. */
export const MAX_MESSAGE_LENGTH = 500;
/**
 * Longest run of text, CDATA or comment inside a test case that is read for its content; the rest is
 * cut (fast-xml-parser, which reads unusual test cases, needs some 36 bytes of memory per byte of text,
 * and the gate keeps 500 characters of a message). The scan has already checked the whole text.
 */
export const MAX_CAPTURED_TEXT = 64 * 1024;
/** Deepest element nesting accepted; real reports stay far below it. */
export const MAX_DEPTH = 256;
