// Background entry: wires message handlers; no logic of its own.
export {};
