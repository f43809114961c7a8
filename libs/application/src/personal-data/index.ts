export * from './personal-data-keys';
export * from './personal-data-keys.module';
export * from './personal-data-reader';
export { holdsPersonalData, residentContactOf, residentOf, sealEventData } from './personal-fields';
