/* The kit's own scripts; each domain adds a file. Pages work without JavaScript. */

/* A table too wide for the screen scrolls sideways inside its box. A keyboard can scroll only what
   it can focus, so while a box overflows it takes a place in the Tab order, named after its table's
   caption or the heading before it (WCAG 2.1.1); once the table fits again, it gives the place back. */
(function () {
  "use strict";

  function label(box) {
    var caption = box.querySelector("caption");
    if (caption) {
      return caption.textContent.trim();
    }
    for (var el = box.previousElementSibling; el; el = el.previousElementSibling) {
      if (/^H[1-6]$/.test(el.tagName)) {
        return el.textContent.replace(/\u00b6$/, "").trim();
      }
    }
    return "";
  }

  function fit(box) {
    if (box.scrollWidth > box.clientWidth + 1) {
      if (!box.hasAttribute("tabindex")) {
        box.setAttribute("tabindex", "0");
        var name = label(box);
        if (name) {
          box.setAttribute("role", "region");
          box.setAttribute("aria-label", name);
        }
      }
    } else if (box.getAttribute("tabindex") === "0") {
      box.removeAttribute("tabindex");
      box.removeAttribute("role");
      box.removeAttribute("aria-label");
    }
  }

  function run() {
    var boxes = document.querySelectorAll(".md-typeset__scrollwrap");
    Array.prototype.forEach.call(boxes, fit);
    if (window.ResizeObserver) {
      var watcher = new ResizeObserver(function (entries) {
        entries.forEach(function (entry) {
          fit(entry.target);
        });
      });
      Array.prototype.forEach.call(boxes, function (box) {
        watcher.observe(box);
      });
    }
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(run);
  } else {
    document.addEventListener("DOMContentLoaded", run);
  }
})();
