/** lib/otp: otpauth URI parsing, TOTP codes, clock offset. Pure functions, no DOM, no storage. */
export { parseOtpInput, formatOtpauthUri, type ParsedOtpInput, type ParseError, type ParseErrorCode } from './uri';
export { totp, hotp, secondsRemaining, stepEndsAt } from './totp';
export { offsetFromDateHeader, shouldCorrect, parseHttpDate, CORRECTION_THRESHOLD_MS } from './clock';
export {
  normalizeSecret,
  DEFAULT_ALGORITHM,
  DEFAULT_DIGITS,
  DEFAULT_PERIOD,
  MIN_SECRET_BITS,
  MIN_PERIOD,
  MAX_PERIOD,
  type Algorithm,
  type Digits,
  type OtpParams,
  type OtpAccountParams,
} from './params';
