import { navigate } from 'hono-preact-actions/page';

function signIn(role: 'admin' | 'guest' | null) {
  document.cookie = role ? `session=${role}; path=/; samesite=lax` : 'session=; path=/; max-age=0';
  navigate(role ? '/admin' : '/');
}

export default function Login() {
  return (
    <section>
      <h1>Sign in</h1>
      <p>The admin area and deleting movies need an admin session; a guest sees a notice instead.</p>
      <button type="button" id="sign-in" onClick={() => signIn('admin')}>
        Sign in as admin
      </button>{' '}
      <button type="button" id="sign-in-guest" onClick={() => signIn('guest')}>
        Sign in as guest
      </button>{' '}
      <button type="button" id="sign-out" onClick={() => signIn(null)}>
        Sign out
      </button>
    </section>
  );
}
