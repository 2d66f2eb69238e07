// The browser side of the form page: hydrates the server's <Form>, then says so on <body>.
import { h, hydrate } from 'preact';
import { FormPage, type PageSpec } from './page.ts';

const spec = JSON.parse(document.getElementById('spec')?.textContent ?? '{}') as PageSpec;
hydrate(h(FormPage, spec), document.getElementById('root') as HTMLElement);
document.body.dataset.hydrated = 'true';
