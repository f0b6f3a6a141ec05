export function Options() {
  return (
    <main class="options">
      <h1>CloudMC Authenticator</h1>
    </main>
  );
}
