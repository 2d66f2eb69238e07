// A middleware for each ring of the chain that logs its before and after, and can throw, redirect or
// deny on demand (the payload, or the loader location's params, carries the plan).
import {
  type ActionContext,
  deny,
  defineServerMiddleware,
  type LoaderContext,
  type PageContext,
  redirect,
} from '../../../runtime/index.ts';
import { journal, type Plan } from './journal.ts';

function planOf(ctx: ActionContext | LoaderContext | PageContext): Plan {
  if (ctx.scope === 'action') return (ctx.payload ?? {}) as Plan;
  // A page (or a route's loader, whose params are the route's) reads its plan from the query.
  if (ctx.location.search) return Object.fromEntries(new URLSearchParams(ctx.location.search)) as Plan;
  return (ctx.location.params ?? {}) as Plan;
}

export function ring(name: string) {
  return defineServerMiddleware(async (ctx, next) => {
    journal.log.push(`${name}:before`);
    const plan = planOf(ctx);
    try {
      if (plan.throwIn === name) throw new Error(`boom in ${name}`);
      if (plan.redirectIn === name) throw redirect(`/login?from=${name}`);
      if (plan.denyIn === name) throw deny(403, `denied by ${name}`);
      if (plan.skipNextIn === name) return;
      await next();
    } finally {
      journal.log.push(`${name}:after`);
    }
  });
}
