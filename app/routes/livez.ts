// For orchestrators' liveness probes: it answers as long as the process can
// serve a request, and asks nothing of the database. /healthz is readiness.
export function loader() {
  return new Response('ok', { status: 200, headers: { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' } })
}
