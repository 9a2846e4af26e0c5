// fake-indexeddb must be installed before Dexie opens a database.
import 'fake-indexeddb/auto';
