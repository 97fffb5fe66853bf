// `assert` for browserify-zlib in the browser: the two forms it uses. CommonJS, as it is required.
function assert(value, message) {
  if (!value) throw new Error(message || 'assertion failed');
}
assert.ok = assert;
assert.equal = (actual, expected, message) => assert(actual == expected, message);
module.exports = assert;
