// useAction: call an action from a component, with pending, error and data as state, optimistic
// updates, invalidation, streaming chunks and cancellation. mutate is stable for the component's life and
// calls the action and options of the latest render.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Action } from '../define.ts';
import { invalidateCaches } from './cache.ts';
import { call, type UnitStub } from './call.ts';
import { reloadCurrentPage } from './navigation.ts';

export interface UseActionOptions<P, R> {
  /** 'auto' re-runs the page's loader; names clear caches made by createCache(name). Default false. */
  invalidate?: 'auto' | false | readonly string[];
  /** Before the request; its return value comes back to onError as the snapshot to roll back to. */
  onMutate?: (payload: P) => unknown;
  onSuccess?: (data: R) => void;
  onError?: (error: Error, snapshot: unknown) => void;
  /** Each chunk of a streamed result, as it arrives. */
  onChunk?: (chunk: string) => void;
  /** 'parallel' (default): calls run side by side. 'latest': a new call aborts the one in flight. */
  concurrency?: 'parallel' | 'latest';
}

export interface UseActionResult<P, R> {
  mutate: (payload: P) => Promise<void>;
  pending: boolean;
  error: Error | null;
  data: R | null;
}

export function useAction<P, R>(action: Action<P, R>, options: UseActionOptions<P, R> = {}): UseActionResult<P, R> {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [data, setData] = useState<R | null>(null);
  const latest = useRef<[UnitStub, UseActionOptions<P, R>]>(null!);
  latest.current = [action as unknown as UnitStub, options];
  const [inFlight] = useState(() => new Set<AbortController>());

  // Unmounting aborts what is in flight: the server sees the abort on the action's signal.
  useEffect(() => () => inFlight.forEach((controller) => controller.abort()), []);

  const [mutate] = useState(() => async (payload: P) => {
    const [stub, opts] = latest.current;
    if (opts.concurrency === 'latest') inFlight.forEach((controller) => controller.abort());
    const controller = new AbortController();
    inFlight.add(controller);
    setPending(true);
    setError(null);
    const snapshot = opts.onMutate?.(payload);
    try {
      const result = await call(stub, payload, { signal: controller.signal, onChunk: opts.onChunk });
      // Aborted, or redirected: the call has followed the redirect, and the component is left as it is.
      if (controller.signal.aborted || result.redirected) return;
      if (!result.streamed) setData(result.data as R);
      if (opts.invalidate === 'auto') await reloadCurrentPage();
      else if (opts.invalidate) invalidateCaches(opts.invalidate);
      opts.onSuccess?.(result.data as R);
    } catch (thrown) {
      if (controller.signal.aborted) return;
      const failure = thrown instanceof Error ? thrown : new Error(String(thrown));
      setError(failure);
      opts.onError?.(failure, snapshot);
    } finally {
      inFlight.delete(controller);
      if (!controller.signal.aborted || opts.concurrency === 'latest') setPending(inFlight.size > 0);
    }
  });

  return { mutate, pending, error, data };
}
