// A page that is one <Form> with the controls a browser case names: rendered by the server (so it
// posts without JavaScript) and hydrated by client.ts (so <Form> sends it with JavaScript).
import { h } from 'preact';
import { Form } from '../../../runtime/index.ts';
import type { Action } from '../../../runtime/index.ts';

export type Control =
  | { input: 'text' | 'number' | 'hidden' | 'date' | 'datetime-local'; name: string; value: string }
  | { checkbox: string; value?: string; checked: boolean }
  | { select: string; options: string[]; selected: string }
  | { file: string; multiple?: boolean }
  | { button: string; name?: string; value?: string };

export interface PageSpec {
  action: string;
  controls: Control[];
}

function control(item: Control, index: number) {
  const key = String(index);
  // step="any": a decimal in a number input is otherwise a step mismatch, and the browser will not submit.
  if ('input' in item)
    return h('input', {
      key,
      type: item.input,
      name: item.name,
      value: item.value,
      step: item.input === 'number' ? 'any' : undefined,
    });
  if ('checkbox' in item)
    return h('input', { key, type: 'checkbox', name: item.checkbox, value: item.value, checked: item.checked });
  if ('select' in item)
    return h(
      'select',
      { key, name: item.select },
      item.options.map((option) =>
        h('option', { key: option, value: option, selected: option === item.selected }, option),
      ),
    );
  if ('file' in item) return h('input', { key, type: 'file', name: item.file, multiple: item.multiple });
  return h('button', { key, type: 'submit', name: item.name, value: item.value }, item.button);
}

export function FormPage({ action, controls }: PageSpec) {
  const stub = { module: 'table', action } as unknown as Action;
  const buttons = controls.some((item) => 'button' in item)
    ? []
    : [h('button', { key: 'send', type: 'submit' }, 'Send')];
  return h(Form, { action: stub, id: 'form' }, [...controls.map(control), ...buttons]);
}
