/* Numera: the JavaScript glue of wasm/numera.wasm, written out at build time so that nothing is
   compiled from a string at run time and the page's Content-Security-Policy can forbid eval.
   TeaVM 0.15's Wasm GC runtime builds these functions with new Function() when the module starts;
   the build (dev.numera.web.build.EvalFreeRuntime) patches numera.wasm-runtime.js to take them
   from here instead, and fills in the @JSBody functions read from numera.wasm itself.
   GENERATED from src/main/resources/dev/numera/web/build/numera-glue.js: do not edit the copy in
   the site.

   Plain sloppy-mode script on purpose, like a new Function() body, and the @JSBody functions sit
   at the top level of their own statement: each sees exactly the global scope it would have seen
   when built by new Function(), and `this` is the global object, as with the runtime's bind. */
globalThis.numeraWasmGlue = (function () {
  var IDENT_PATH = /^[A-Za-z_$][A-Za-z0-9_$]*(\.[A-Za-z_$][A-Za-z0-9_$]*)*$/;
  var paths = Object.create(null); // name -> its parts, checked once (the runtime cached per name too)

  function path(name) {
    var parts = typeof name === "string" ? paths[name] : undefined;
    if (parts === undefined) {
      if (typeof name !== "string" || !IDENT_PATH.test(name)) {
        throw new Error("numera-glue: cannot resolve the global " + String(name) + " (only plain names and dotted paths are supported)");
      }
      parts = paths[name] = name.split(".");
    }
    return parts;
  }

  // the first `count` arguments from `from` on; with `rest`, the last of them collects the remainder
  function collect(args, from, count, rest) {
    var out = [];
    var fixed = rest ? count - 1 : count;
    for (var i = 0; i < fixed; i++) {
      out.push(args[from + i]);
    }
    if (rest) {
      out.push(Array.prototype.slice.call(args, from + fixed));
    }
    return out;
  }

  // Java called from JavaScript (a callback, an exported method) with up to 4 arguments: a
  // wrapper of that arity passes them straight on. The general wrapper below collects them into
  // an array first, an allocation per call that a camera frame's callbacks would pay 60 times a
  // second. Same behaviour: missing arguments are undefined, extra ones are dropped.
  function fixedFunction(rethrowJavaAsJs, fn, count) {
    switch (count) {
      case 0: return function () { try { return fn(); } catch (e) { rethrowJavaAsJs(e); } };
      case 1: return function (a) { try { return fn(a); } catch (e) { rethrowJavaAsJs(e); } };
      case 2: return function (a, b) { try { return fn(a, b); } catch (e) { rethrowJavaAsJs(e); } };
      case 3: return function (a, b, c) { try { return fn(a, b, c); } catch (e) { rethrowJavaAsJs(e); } };
      case 4: return function (a, b, c, d) { try { return fn(a, b, c, d); } catch (e) { rethrowJavaAsJs(e); } };
      default: return null;
    }
  }

  // The same for methods: the receiver (this) goes first.
  function fixedMethod(rethrowJavaAsJs, fn, count) {
    switch (count) {
      case 0: return function () { try { return fn(this); } catch (e) { rethrowJavaAsJs(e); } };
      case 1: return function (a) { try { return fn(this, a); } catch (e) { rethrowJavaAsJs(e); } };
      case 2: return function (a, b) { try { return fn(this, a, b); } catch (e) { rethrowJavaAsJs(e); } };
      case 3: return function (a, b, c) { try { return fn(this, a, b, c); } catch (e) { rethrowJavaAsJs(e); } };
      case 4: return function (a, b, c, d) { try { return fn(this, a, b, c, d); } catch (e) { rethrowJavaAsJs(e); } };
      default: return null;
    }
  }

  function withLength(f, length) {
    Object.defineProperty(f, "length", { value: length });
    return f;
  }

  return {
    /* The imports with a fixed arity that numera.wasm uses (createFunctionN, callMethodN, ...):
       the same code the runtime's templates would generate for that N. Called by the runtime
       where it used to build them, before the module is instantiated. */
    install: function (jso, wrapCallFromJavaToJs, rethrowJsAsJava, getGlobalName) {
      var bodies = globalThis.numeraWasmGlue.bodies;
      var body = function (params, script) {
        var key = params.join(",") + "|" + script;
        if (!Object.prototype.hasOwnProperty.call(bodies, key)) {
          throw new Error("numera-glue: no function for the @JSBody (" + params.join(", ") + ") { " + script
              + " }: numera-glue.js was made for another numera.wasm; rebuild the site");
        }
        return bodies[key].bind(globalThis, wrapCallFromJavaToJs);
      };
/*@INSTALL@*/
      var missing = [];
      for (var i = 0; i < this.imports.length; i++) {
        if (typeof jso[this.imports[i]] !== "function") {
          missing.push(this.imports[i]);
        }
      }
      if (missing.length > 0) {
        throw new Error("numera-glue: the Wasm GC runtime does not provide teavmJso." + missing.join(", teavmJso."));
      }
    },

    /* every teavmJso function that numera.wasm imports */
    imports: /*@IMPORTS@*/[],

    /* getGlobalName: `return NAME;` evaluated in the global scope */
    getGlobal: function (name) {
      var names = path(name);
      if (!(names[0] in globalThis)) {
        throw new ReferenceError(names[0] + " is not defined");
      }
      var value = globalThis;
      for (var i = 0; i < names.length; i++) {
        value = value[names[i]];
      }
      return value;
    },

    /* setGlobalName: `NAME = value;` in sloppy mode */
    setGlobal: function (name, value) {
      var names = path(name);
      var target = globalThis;
      for (var i = 0; i < names.length - 1; i++) {
        target = target[names[i]];
      }
      target[names[names.length - 1]] = value;
    },

    /* defineFunction: function (p0, ..., [...]pN) { try { return fn(p0, ..., pN); } catch (e) { rethrowJavaAsJs(e); } } */
    defineFunction: function (rethrowJavaAsJs, fn, vararg) {
      var count = fn.length;
      var rest = !!vararg && count > 0;
      var fixed = rest ? null : fixedFunction(rethrowJavaAsJs, fn, count);
      if (fixed !== null) {
        return fixed;
      }
      return withLength(function () {
        var args = collect(arguments, 0, count, rest);
        try {
          return fn.apply(undefined, args);
        } catch (e) {
          rethrowJavaAsJs(e);
        }
      }, rest ? count - 1 : count);
    },

    /* defineMethod: the same with `this` passed first */
    defineMethod: function (rethrowJavaAsJs, fn, vararg) {
      var count = Math.max(0, fn.length - 1);
      var rest = !!vararg && count > 0;
      var fixed = rest ? null : fixedMethod(rethrowJavaAsJs, fn, count);
      if (fixed !== null) {
        return fixed;
      }
      return withLength(function () {
        var args = collect(arguments, 0, count, rest);
        args.unshift(this);
        try {
          return fn.apply(undefined, args);
        } catch (e) {
          rethrowJavaAsJs(e);
        }
      }, rest ? count - 1 : count);
    },

    /* renameConstructor: function NAME(marker, javaObject) { return constructor.call(this, marker, javaObject); } */
    renameConstructor: function (name, constructor) {
      var f = function (marker, javaObject) {
        return constructor.call(this, marker, javaObject);
      };
      Object.defineProperty(f, "name", { value: name });
      return f;
    },

    bodies: null
  };
}());

/* The @JSBody functions of numera.wasm, keyed "param,param|script", each what
   new Function("wrapCallFromJavaToJs", param, ..., script) would build. */
globalThis.numeraWasmGlue.bodies = {
/*@BODIES@*/
};
