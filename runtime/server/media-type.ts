// A request's media type as the decoders read it: the origin check asks the same question, so the two
// can never disagree on what is JSON.

/** `application/json` of `Application/JSON; charset=utf-8`; '' when there is no Content-Type. */
export function mediaTypeOf(contentType: string | null): string {
  if (!contentType) return '';
  const end = contentType.indexOf(';');
  const type = end === -1 ? contentType : contentType.slice(0, end);
  // The spelling our client sends is already the media type: no new strings for it.
  return type === 'application/json' ? type : type.trim().toLowerCase();
}
