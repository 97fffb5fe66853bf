// `util` for browserify-zlib in the browser: it only uses `inherits`, with Node's semantics.
exports.inherits = function inherits(ctor, superCtor) {
  ctor.super_ = superCtor;
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
};
