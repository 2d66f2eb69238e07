// <Form action={serverActions.addMovie}>: a form that calls the action. It sends its form data as the
// browser would without JavaScript (to the action's URL, which it also posts to when JavaScript is off),
// so both arrive alike (multipart, with the button that submitted it): by the plain rules (strings stay
// strings, the last of a repeated name wins, files kept), or coerced by the action's input schema. Its
// inputs are disabled while pending.
import { type ComponentChildren, createContext, type FormHTMLAttributes, h } from 'preact';
import { useContext, useState } from 'preact/hooks';
import { useFormResult } from '../page-data.ts';
import type { WireError } from '../shared/wire.ts';
import { unitUrl } from './call.ts';
import type { Action } from '../define.ts';
import { stubOf } from '../shared/unit-identity.ts';

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

/** What the enclosing <Form>'s last call was refused with: input errors by field, or one message. */
interface Refusal {
  fields?: Record<string, string[]>;
  message?: string;
}
const FormRefusal = /* @__PURE__ */ createContext<Refusal | undefined>(undefined);

const refusalOf = (error: Pick<WireError, 'message' | 'reason' | 'fields'> | null | undefined): Refusal | undefined =>
  error ? (error.reason === 'INVALID_INPUT' ? { fields: error.fields } : { message: error.message }) : undefined;

/** Shows the enclosing <Form>'s input errors for one field; nothing when there are none. */
export function FieldError({ name }: { name: string }) {
  const messages = useContext(FormRefusal)?.fields?.[name];
  return messages ? h('span', { class: 'field-error', 'data-field': name, role: 'alert' }, messages.join(' ')) : null;
}

/** Shows why the enclosing <Form>'s last call was refused when it was not its input (a deny, an ActionError). */
export function FormError() {
  const message = useContext(FormRefusal)?.message;
  return message ? h('p', { class: 'form-error', role: 'alert' }, message) : null;
}

export function Form<P, R>(props: FormProps<P, R>) {
  const { action, invalidate, onMutate, onSuccess, onError, onChunk, concurrency, children, ...attributes } = props;
  // The props are the call's options (useAction reads only its own); the payload <Form> sends is its
  // FormData (see above), so that is what onMutate receives.
  const { mutate, pending, error } = useAction<P, R>(action, props as UseActionOptions<P, R>);
  // Posted without JavaScript, the page showed the answer; after a call of its own, the call's answer shows.
  const formResult = useFormResult(action);
  const [called, setCalled] = useState(false);
  // An ActionCallError carries message, reason and fields, as the wire's error does.
  const refusal = refusalOf(called ? (error as WireError | null) : formResult?.error);
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    setCalled(true);
    const form = event.currentTarget as HTMLFormElement;
    // The clicked button's name and value go with the fields, as they do without JavaScript.
    void mutate(new FormData(form, event.submitter) as unknown as P);
  };
  const stub = stubOf(action);
  // Without JavaScript the form posts to the page it is on, which renderPage answers (POST-redirect-GET).
  const url = stub?.action ? unitUrl(stub, '') : undefined;
  return h(
    'form',
    // Multipart, as the call with JavaScript sends it, so a file input posts its file without JavaScript too.
    {
      method: 'post',
      ...(attributes.enctype === undefined && { encType: 'multipart/form-data' }),
      ...attributes,
      action: url,
      onSubmit,
      'aria-busy': pending,
    },
    // A disabled fieldset disables every control inside it; display: contents keeps the layout the form's own.
    h(
      FormRefusal.Provider,
      { value: refusal },
      h('fieldset', { disabled: pending, style: 'display:contents' }, children),
    ),
  );
}
