import { h } from 'preact';

export default function Login() {
  return h('p', { id: 'login' }, 'Sign in');
}
