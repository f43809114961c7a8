/** The read-model database of this node (derived data: can be deleted and rebuilt). */
export const READ_MODEL_DATABASE = Symbol('READ_MODEL_DATABASE');
