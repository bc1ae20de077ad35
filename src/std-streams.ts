/**
 * Node creates process.stdout and process.stderr when they are first used, and creating one costs
 * milliseconds, a good share of a short run: what must be set on them is set then, not at start.
 */
export function whenFirstUsed(name: 'stdout' | 'stderr', setup: (stream: NodeJS.WriteStream) => void): void {
  const descriptor = Object.getOwnPropertyDescriptor(process, name);
  if (!descriptor?.get || !descriptor.configurable) {
    setup(process[name]);
    return;
  }
  Object.defineProperty(process, name, {
    configurable: true,
    enumerable: descriptor.enumerable ?? true,
    get() {
      // Node's own getter is put back first, so the stream is made (and set up) once.
      Object.defineProperty(process, name, descriptor);
      const stream = process[name];
      setup(stream);
      return stream;
    },
  });
}
