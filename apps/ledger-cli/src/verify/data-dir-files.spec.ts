import {
  READ_MODELS_FILE as API_READ_MODELS_FILE,
  SQLITE_EVENT_STORE_FILE,
} from '@cohesion/application';
import { EVENTS_FILE, READ_MODELS_FILE } from './data-dir-files';

describe('the data directory as verify reads it', () => {
  it('names the very files the API writes', () => {
    expect(EVENTS_FILE).toBe(SQLITE_EVENT_STORE_FILE);
    expect(READ_MODELS_FILE).toBe(API_READ_MODELS_FILE);
  });
});
