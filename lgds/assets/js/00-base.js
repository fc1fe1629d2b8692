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

/* The menu button in the header on a phone. The theme makes it a label for a hidden checkbox, which a
   keyboard cannot reach, while the closed menu's links stayed in the Tab order off the screen
   (01-look.css now hides the closed menu). Here the button becomes a real button for a keyboard:
   Tab reaches it, Enter or Space opens and closes the menu, Escape closes it and returns focus. */
(function () {
  "use strict";

  function setUp() {
    var toggle = document.getElementById("__drawer");
    var button = document.querySelector('label.md-header__button[for="__drawer"]');
    if (!toggle || !button || button.hasAttribute("role")) {
      return;
    }
    button.setAttribute("role", "button");
    button.setAttribute("tabindex", "0");
    button.setAttribute("aria-controls", "lgds-menu");
    if (!button.hasAttribute("aria-label")) {
      button.setAttribute("aria-label", "Menu");
    }
    var menu = document.querySelector(".md-sidebar--primary");
    if (menu && !menu.id) {
      menu.id = "lgds-menu";
    }
    function show() {
      button.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
    }
    show();
    toggle.addEventListener("change", show);
    button.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") {
        /* The theme's own key handling would click the label as well, undoing this click. */
        event.preventDefault();
        event.stopPropagation();
        button.click();
        if (toggle.checked && menu) {
          var links = menu.querySelectorAll("a[href], [tabindex='0']");
          for (var i = 0; i < links.length; i += 1) {
            if (links[i].offsetParent !== null) {
              links[i].focus();
              break;
            }
          }
        }
      }
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && toggle.checked) {
        button.click();
        button.focus();
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
