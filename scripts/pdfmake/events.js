/**
 * The `events` pdfmake's own modules get. pdfmake adds a `lineAdded` listener for each level of
 * nested lists and columns while it lays them out, and removes it afterwards: a deeply nested
 * document has more than Node's default limit of 10, which is no leak, yet Node prints a
 * MaxListenersExceededWarning. pdfmake's emitters therefore have no limit.
 */
import { EventEmitter as NodeEventEmitter } from 'events';

export class EventEmitter extends NodeEventEmitter {
  constructor() {
    super();
    this.setMaxListeners(0);
  }
}

export default EventEmitter;
