/**
 * How a cell's console.log arguments become text. One file, used by the Node runner
 * (build, doc-tests) and by the browser worker, so both print the same thing.
 *
 * Rules (from the book's cell contract):
 * - strings as-is at top level ('quoted' inside arrays and objects);
 * - tensors (any object with its own toString, e.g. Tensor) via toString(), which
 *   prints like PyTorch;
 * - numbers via String(n); bigints as `12n`;
 * - arrays and typed arrays as `[1, 3, 2, 2]`, recursively, ", " separated;
 * - booleans, null and undefined as JavaScript prints them;
 * - errors as `Name: message`; functions as `[Function: name]`, except that a function
 *   with its own toString (an `nn` module) prints that, as PyTorch prints `CrossEntropyLoss()`;
 * - Maps and Sets as `Map {'a' => 1}` and `Set {1, 2}`;
 * - other objects JSON-ish: `{a: 1, b: 'x'}`;
 * - several arguments joined by one space.
 */

/** Format the arguments of one console.log call as one (possibly multi-line) string. */
export function formatLogArgs(args: readonly unknown[]): string {
  return args.map((arg) => formatValue(arg, false, [])).join(' ');
}

/** Format one value; `nested` is true inside an array or object. */
export function formatValue(value: unknown, nested = false, seen: object[] = []): string {
  switch (typeof value) {
    case 'string':
      return nested ? quote(value) : value;
    case 'number':
    case 'boolean':
    case 'undefined':
      return String(value);
    case 'bigint':
      return `${value}n`;
    case 'symbol':
      return value.toString();
    case 'function':
      if (Object.hasOwn(value, 'toString') && typeof value.toString === 'function') return String(value);
      return value.name ? `[Function: ${value.name}]` : '[Function (anonymous)]';
  }
  if (value === null) return 'null';
  const obj = value as object;
  if (seen.includes(obj)) return '[Circular]';
  const inner = [...seen, obj];
  if (Array.isArray(obj)) {
    return `[${obj.map((item) => formatValue(item, true, inner)).join(', ')}]`;
  }
  if (ArrayBuffer.isView(obj) && !(obj instanceof DataView)) {
    const items = Array.from(obj as unknown as ArrayLike<number | bigint>, (x) =>
      formatValue(x, true, inner),
    );
    return `[${items.join(', ')}]`;
  }
  if (obj instanceof Error) return `${obj.name}: ${obj.message}`;
  if (obj instanceof Map) {
    const items = [...obj].map(
      ([k, v]) => `${formatValue(k, true, inner)} => ${formatValue(v, true, inner)}`,
    );
    return `Map {${items.join(', ')}}`;
  }
  if (obj instanceof Set) {
    return `Set {${[...obj].map((v) => formatValue(v, true, inner)).join(', ')}}`;
  }
  if (hasOwnToString(obj)) return String(obj);
  const entries = Object.entries(obj).map(([k, v]) => `${formatKey(k)}: ${formatValue(v, true, inner)}`);
  return `{${entries.join(', ')}}`;
}

/**
 * True when the object's class (or the object) defines its own toString, as Tensor
 * does; plain objects inherit Object.prototype.toString and print JSON-ish instead.
 */
function hasOwnToString(obj: object): boolean {
  const fn = (obj as { toString?: unknown }).toString;
  return typeof fn === 'function' && fn !== Object.prototype.toString;
}

function formatKey(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : quote(key);
}

function quote(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}
