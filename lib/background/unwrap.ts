/** Turns lib/ Results into handler answers: a failure becomes a ReplyError with its code. */
import type { Failure, Result } from '../result';
import { ReplyError } from '../messages/router';

export function unwrap<T>(result: Result<T, Failure<string>>): T {
  if (!result.ok) throw new ReplyError(result.error.code, result.error.message);
  return result.value;
}
