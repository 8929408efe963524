import { describe, expect, it } from 'vitest';
import { afterFieldName } from '../../../renderer/components/remote-form/error-summary';

/** The remote editor's error summary reads each problem after its field's name, a button. */
describe('the words after a field\'s name in the error summary', () => {
  it.each([
    ['Name is empty', 'Name', ' is empty'],
    ['URL is empty', 'URL', ' is empty'],
    ['url is empty', 'URL', ' is empty'],
    ['Command is empty', 'Command', ' is empty'],
  ])('"%s" under %s: the rest of the message, the name not said twice', (message, field, rest) => {
    expect(afterFieldName(message, field)).toBe(rest);
  });

  it.each([
    ['Header name "Bad Name" is not a valid HTTP header name', 'Header 1 name'],
    ['Names must be unique', 'Name'],
    ['Name', 'Name'],
    ['must be a whole number of milliseconds', 'Connect timeout (ms)'],
  ])('"%s" under %s: headed by the name and a colon', (message, field) => {
    expect(afterFieldName(message, field)).toBe(`: ${message}`);
  });
});
