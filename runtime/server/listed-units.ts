// What the compiler wraps a server module's serverActions and serverLoaders in, on the server (see the
// compiler's name-unit-maps pass): reading a name the module does not list throws where it is read,
// naming the module, the name and the names it has. Without it a typo hands `undefined` to useAction or
// <Form>, which fails far from the cause. Own-property checks and enumeration pass through untouched,
// so the handlers, which look entries up with Object.hasOwn, see the plain map.

// Names that tools probe on any object (thenables, JSON, test matchers, React-likes, DOM checks).
const PROBED = new Set(['then', 'toJSON', 'asymmetricMatch', '$$typeof', 'nodeType', '__esModule']);

export function listedUnits<Map extends object>(map: Map, module: string, exportName: string): Map {
  if (typeof map !== 'object' || map === null) return map;
  return new Proxy(map, {
    get(target, property, receiver) {
      if (
        typeof property === 'string' &&
        !(property in target) &&
        !PROBED.has(property) &&
        !property.startsWith('@@')
      ) {
        const names = Object.keys(target);
        const listed = names.length > 0 ? `it has ${names.join(', ')}` : `its ${exportName} is empty`;
        throw new Error(
          `${exportName}.${property} is not in the server module "${module}": ${listed}. Check the spelling where ${exportName}.${property} is read.`,
        );
      }
      return Reflect.get(target, property, receiver);
    },
  });
}
