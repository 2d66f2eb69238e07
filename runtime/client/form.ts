// <Form action={serverActions.addMovie}>: a form that calls the action. Fields are collected as seed
// 000 says (Object.fromEntries(new FormData(form)): strings stay strings, the last of a repeated name
// wins, files go as multipart); its inputs are disabled while the call is pending. Without
// JavaScript it still posts to the action's URL.
import { type ComponentChildren, type FormHTMLAttributes, h } from 'preact';
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
  UseActionOptions<P, R> & {
    action: Action<P, R>;
    children?: ComponentChildren;
  };

export function Form<P, R>(props: FormProps<P, R>) {
  const { action, invalidate, onMutate, onSuccess, onError, onChunk, concurrency, children, ...attributes } = props;
  const { mutate, pending } = useAction(action, { invalidate, onMutate, onSuccess, onError, onChunk, concurrency });
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    void mutate(Object.fromEntries(new FormData(form)) as P);
  };
  const stub = stubOf(action);
  return h(
    'form',
    { method: 'post', ...attributes, action: stub ? unitUrl(stub) : undefined, onSubmit, 'aria-busy': pending },
    // A disabled fieldset disables every control inside it; display: contents keeps the layout the form's own.
    h('fieldset', { disabled: pending, style: 'display:contents' }, children),
  );
}
