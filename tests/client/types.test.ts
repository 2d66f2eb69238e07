// Types flow from defineAction<P, R> to useAction and <Form> with no code generation. `npm test`
// typechecks this file: each @ts-expect-error must meet an error, or tsc fails the run.
import { h } from 'preact';
import { describe, expectTypeOf, it } from 'vitest';
import {
  type ActionCallError,
  defineAction,
  defineLoader,
  Form,
  getLoaderData,
  type LoaderData,
  useAction,
} from '../../runtime/index.ts';

const serverActions = {
  addMovie: defineAction<{ title: string; year?: number }, { ok: boolean; id: number }>(async () => ({
    ok: true,
    id: 1,
  })),
  inferred: defineAction(async (_ctx, payload: { id: string }) => ({ removed: payload.id })),
};

describe('types', () => {
  it('infers payload and result for useAction', () => {
    const typed = () => {
      const { mutate, data, error, pending } = useAction(serverActions.addMovie, {
        onSuccess: (result) => expectTypeOf(result).toEqualTypeOf<{ ok: boolean; id: number }>(),
        onMutate: (payload) => expectTypeOf(payload).toEqualTypeOf<{ title: string; year?: number }>(),
      });
      expectTypeOf(data).toEqualTypeOf<{ ok: boolean; id: number } | null>();
      expectTypeOf(error).toEqualTypeOf<Error | null>();
      expectTypeOf(pending).toEqualTypeOf<boolean>();
      void mutate({ title: 'Dune' });
      // @ts-expect-error: title must be a string
      void mutate({ title: 42 });
      // @ts-expect-error: title is required
      void mutate({ year: 1965 });
      const inferred = useAction(serverActions.inferred);
      expectTypeOf(inferred.data).toEqualTypeOf<{ removed: string } | null>();
      // @ts-expect-error: id must be a string
      void inferred.mutate({ id: 7 });
    };
    expectTypeOf(typed).toBeFunction();
  });

  it('types <Form> callbacks from the action', () => {
    h(Form<{ title: string; year?: number }, { ok: boolean; id: number }>, {
      action: serverActions.addMovie,
      onSuccess: (result) => expectTypeOf(result.id).toEqualTypeOf<number>(),
      onError: (error) => expectTypeOf(error).toEqualTypeOf<Error>(),
    });
    expectTypeOf<ActionCallError['status']>().toEqualTypeOf<number>();
  });

  it('lets a stream-returning action declare never as its result, as seed 000 does', () => {
    const streaming = defineAction<{ url: string }, never>(async () => new ReadableStream<Uint8Array>());
    const generator = defineAction(async function* (_ctx, payload: { count: number }) {
      yield payload.count;
    });
    expectTypeOf(streaming).toBeFunction();
    expectTypeOf(generator).toBeFunction();
  });

  it('gives a getLoaderData page no loaderData prop of its own to pass', () => {
    const serverLoader = defineLoader(async () => ({ movies: ['Alien'] }));
    const Page = getLoaderData(
      ({ loaderData }: LoaderData<{ movies: string[] }>) => h('p', null, loaderData.movies[0]),
      {
        serverLoader,
      },
    );
    h(Page, {});
    // @ts-expect-error: the page's data comes from its loader, not from its parent
    h(Page, { loaderData: { movies: [] } });
  });
});
