export * as platform from './platform';
export * from './rpc/index';
export * from './events';
export { ENDPOINTS, type Endpoint } from './endpoints';
