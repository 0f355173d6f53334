// The one place the Networks code reaches the engine's network calls (src/engine/api/networks.ts).
import type { NetworkApi } from '../../engine/api/networks.js';
import type { ListEngine } from '../query.js';

export function networkApi(engine: ListEngine): NetworkApi {
  return engine.networks;
}
