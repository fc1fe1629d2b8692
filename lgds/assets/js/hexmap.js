/* The coverage page's hex map. Without this script every hexagon is already a link that shows its
   council's name when focused or pointed at. With it:
   - the arrow keys move to the nearest hexagon in that direction;
   - on a touch screen the first tap on a hexagon shows its name, and a second tap opens its page;
   - Escape hides the name box until the hexagon loses focus or the pointer leaves it. */
(function () {
  "use strict";

  var DIRECTIONS = {
    ArrowLeft: [-1, 0],
    ArrowRight: [1, 0],
    ArrowUp: [0, -1],
    ArrowDown: [0, 1]
  };

  function centre(el) {
    var box = el.getBoundingClientRect();
    return [box.left + box.width / 2, box.top + box.height / 2, box.width];
  }

  /* The hexagon nearest `from` in direction (vx, vy): the shortest step along it, with steps to the
     side counting double, so Up goes to one of the two hexagons above rather than far along the row. */
  function nearest(hexes, from, vx, vy) {
    var here = centre(from);
    var best = null;
    var bestCost = Infinity;
    hexes.forEach(function (hex) {
      if (hex === from) return;
      var there = centre(hex);
      var dx = there[0] - here[0];
      var dy = there[1] - here[1];
      var along = dx * vx + dy * vy;
      if (along < here[2] * 0.25) return;
      var cost = along + 2 * Math.abs(dx * vy - dy * vx);
      if (cost < bestCost) {
        bestCost = cost;
        best = hex;
      }
    });
    return best;
  }

  function setUp(map) {
    var hexes = Array.prototype.slice.call(map.querySelectorAll("a.lgds-hex"));
    var pointer = "";
    var picked = null;
    map.addEventListener("pointerdown", function (event) {
      pointer = event.pointerType;
    });
    map.addEventListener("click", function (event) {
      var hex = event.target.closest("a.lgds-hex");
      if (!hex || pointer !== "touch" || hex === picked) return;
      event.preventDefault();
      picked = hex;
      hex.removeAttribute("data-dismissed");
      hex.focus();
    });
    map.addEventListener("keydown", function (event) {
      var hex = event.target.closest("a.lgds-hex");
      if (!hex || event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.key === "Escape") {
        hex.setAttribute("data-dismissed", "");
        return;
      }
      var way = DIRECTIONS[event.key];
      if (!way) return;
      var next = nearest(hexes, hex, way[0], way[1]);
      event.preventDefault();
      if (next) next.focus();
    });
    hexes.forEach(function (hex) {
      function show() {
        hex.removeAttribute("data-dismissed");
      }
      hex.addEventListener("blur", function () {
        show();
        if (picked === hex) picked = null;
      });
      hex.addEventListener("mouseleave", show);
    });
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") return;
      hexes.forEach(function (hex) {
        if (hex.matches(":hover")) hex.setAttribute("data-dismissed", "");
      });
    });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll(".lgds-map"), setUp);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
