// A request's media type as the decoders read it: the origin check asks the same question, so the two
// can never disagree on what is JSON.

/** `application/json` of `Application/JSON; charset=utf-8`; '' when there is no Content-Type. */
export function mediaTypeOf(contentType: string | null): string {
  return (contentType ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? '';
}
