// A redirect outcome followed by the one rule (shared/redirect-rule.ts), loaded on demand by navigation.ts
// with the first redirect a page follows.
import { checkRedirect, describeRefusal } from '../shared/redirect-rule.ts';

export function followRedirect(to: string, external: boolean, navigate: (to: string) => void): void {
  let vouched: string[] = [];
  if (external) {
    try {
      vouched = [new URL(to).origin];
    } catch {}
  }
  const decision = checkRedirect(to, location.href, vouched);
  if ('refused' in decision) {
    let message = `Refused redirect to ${JSON.stringify(to)}`;
    // Why, in development only: production builds drop the branch (and the words of the reasons with it).
    // The try: a browser bundle nothing defined `process` for keeps the short message, never a ReferenceError.
    try {
      if (process.env.NODE_ENV !== 'production') message += `: ${describeRefusal(decision)}`;
    } catch {}
    throw new Error(message);
  }
  if (decision.external) location.assign(decision.to);
  else navigate(decision.to);
}
