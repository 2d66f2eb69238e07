// What names a unit on the wire: `{ module, action }` or `{ module, loader }`. On the client that is
// what the compiler's stub is; on the server the unit is the real function, and the server records
// here which name each function goes by once it has loaded the modules, so isomorphic code (a
// <Form>'s action URL, a page's loader) can name it during a server render too.
export interface UnitStub {
  module: string;
  /** The build the stub was compiled in, when the plugin gave one. */
  build?: string;
  action?: string;
  loader?: string;
}

const names = new WeakMap<object, UnitStub>();

export function rememberUnit(unit: object, stub: UnitStub): void {
  names.set(unit, stub);
}

/** The stub itself on the client; the recorded name of a function on the server (undefined if unknown). */
export function stubOf(unit: unknown): UnitStub | undefined {
  if (typeof unit === 'function') return names.get(unit);
  return typeof unit === 'object' && unit !== null ? (unit as UnitStub) : undefined;
}
