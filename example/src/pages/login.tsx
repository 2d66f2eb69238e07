import { navigate } from '../router.ts';

export default function Login() {
  return (
    <section>
      <h1>Sign in</h1>
      <p>The admin page and deleting movies need a session.</p>
      <button
        type="button"
        id="sign-in"
        onClick={() => {
          document.cookie = 'session=admin; path=/; samesite=lax';
          navigate('/admin');
        }}
      >
        Sign in as admin
      </button>
    </section>
  );
}
