/* Lists of reviews: filter by service or council, region or nation, phase, point and result. Without this script
   every table is still complete; the filter form stays hidden so no one meets controls that do nothing.
   With a point chosen, the result filter looks at that point's result; without one, at the overall. */
(function () {
  function words(text) { return text ? text.split(" ") : []; }
  function setUp() {
    var form = document.querySelector(".lgds-review-filters");
    if (!form) return;
    var rows = Array.prototype.slice.call(document.querySelectorAll(".lgds-reviews tbody tr"));
    var count = form.querySelector(".lgds-filter-count");
    function value(name) { return form.elements[name].value; }
    function pointResult(row, point) {
      if (words(row.dataset.met).indexOf(point) !== -1) return "met";
      if (words(row.dataset.notMet).indexOf(point) !== -1) return "not-met";
      return "not-assessed";
    }
    function apply() {
      var text = value("text").trim().toLowerCase();
      var area = value("area"), phase = value("phase"), point = value("point"), result = value("result");
      var shown = 0;
      rows.forEach(function (row) {
        var found = point ? pointResult(row, point) : row.dataset.result;
        var ok =
          (!text || row.cells[0].textContent.toLowerCase().indexOf(text) !== -1) &&
          (!area || row.dataset.area === area) &&
          (!phase || row.dataset.phase === phase) &&
          (result ? found === result : !point || found !== "not-assessed");
        row.hidden = !ok;
        if (ok) shown += 1;
      });
      count.textContent = "Showing " + shown + " of " + rows.length + " reviews.";
    }
    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    form.hidden = false;
    apply();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
