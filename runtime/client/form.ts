// <Form action={serverActions.addMovie}>: a form that calls the action. It sends its form data as the
// browser would without JavaScript (to the action's URL, which it also posts to when JavaScript is off),
// so both arrive alike: by seed 000's rules (strings stay strings, the last of a repeated name wins,
// files kept), or coerced by the action's input schema. Its inputs are disabled while pending.
import { type ComponentChildren, createContext, type FormHTMLAttributes, h } from 'preact';
import { useContext } from 'preact/hooks';
import { isInputError } from '../action-error.ts';
import type { Action } from '../define.ts';
import { stubOf } from '../shared/unit-identity.ts';
import { unitUrl } from './call.ts';
import { type UseActionOptions, useAction } from './use-action.ts';

// The form's own `onError` (a load-error event) gives way to the action's onError(error, snapshot).
type FormAttributes = Omit<
  FormHTMLAttributes<HTMLFormElement>,
  'action' | 'onSubmit' | keyof UseActionOptions<never, never>
>;

export type FormProps<P, R> = FormAttributes &
  Omit<UseActionOptions<P, R>, 'onMutate'> & {
    action: Action<P, R>;
    /** Before the request, with the form's data; the return value comes back to onError as the snapshot. */
    onMutate?: (data: FormData) => unknown;
    children?: ComponentChildren;
  };

/** The field errors of the enclosing <Form>'s last call, by field name. */
const FieldErrors = createContext<Record<string, string[]> | undefined>(undefined);

/** Shows the enclosing <Form>'s input errors for one field; nothing when there are none. */
export function FieldError({ name }: { name: string }) {
  const messages = useContext(FieldErrors)?.[name];
  return messages ? h('span', { class: 'field-error', 'data-field': name, role: 'alert' }, messages.join(' ')) : null;
}

export function Form<P, R>(props: FormProps<P, R>) {
  const { action, invalidate, onMutate, onSuccess, onError, onChunk, concurrency, children, ...attributes } = props;
  const { mutate, pending, error } = useAction<P, R>(action, {
    invalidate,
    // The payload <Form> sends is its FormData (see above), so that is what onMutate receives.
    onMutate: onMutate as unknown as ((payload: P) => unknown) | undefined,
    onSuccess,
    onError,
    onChunk,
    concurrency,
  });
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    void mutate(new FormData(form) as unknown as P);
  };
  const stub = stubOf(action);
  return h(
    'form',
    { method: 'post', ...attributes, action: stub ? unitUrl(stub) : undefined, onSubmit, 'aria-busy': pending },
    // A disabled fieldset disables every control inside it; display: contents keeps the layout the form's own.
    h(
      FieldErrors.Provider,
      { value: isInputError(error) ? error.fields : undefined },
      h('fieldset', { disabled: pending, style: 'display:contents' }, children),
    ),
  );
}
