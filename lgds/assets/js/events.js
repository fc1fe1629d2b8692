/* Events: keep lists right after the build date. Events whose end has passed move from the upcoming
   list to the past list, the next-event box moves on, and event pages say the event has taken place.
   Without JavaScript the pages stay correct as of the build date, which they state. A list cut short
   (the soonest events only) cannot bring in the later ones: once all it shows have ended, its note
   says so and points to the pages for each year, which the template writes. */
(function () {
  "use strict";

  function ended(el, now) {
    var end = Date.parse(el.getAttribute("data-lgds-end") || "");
    return !isNaN(end) && end < now;
  }

  function setEmpty(scope, name, list) {
    var note = scope.querySelector('[data-lgds-empty="' + name + '"]');
    if (note && list) {
      note.hidden = list.children.length > 0;
    }
  }

  function update(root, now) {
    var upcoming = root.querySelector('[data-lgds-list="upcoming"]');
    var past = root.querySelector('[data-lgds-list="past"]');
    var moved = 0;
    if (upcoming) {
      var items = Array.prototype.slice.call(upcoming.querySelectorAll("li[data-lgds-end]"));
      /* Upcoming runs soonest first. Past runs latest first, so each ended item goes to its top; on a
         year's page it runs in date order (data-lgds-oldest-first), so each goes to its end. */
      var append = past && past.hasAttribute("data-lgds-oldest-first");
      items.forEach(function (li) {
        if (!ended(li, now)) {
          return;
        }
        moved += 1;
        if (append) {
          past.appendChild(li);
        } else if (past) {
          past.insertBefore(li, past.firstChild);
        } else {
          li.parentNode.removeChild(li);
        }
      });
      setEmpty(root, "upcoming", upcoming);
      setEmpty(root, "past", past);
    }
    var box = root.querySelector("[data-lgds-next]");
    var body = box && box.querySelector("[data-lgds-next-body]");
    if (body && moved && upcoming) {
      var next = Array.prototype.filter.call(upcoming.children, function (li) {
        var status = li.getAttribute("data-lgds-status");
        return status !== "cancelled" && status !== "postponed";
      })[0];
      /* With none left, say what the list's own note says: a list cut short says where the rest are. */
      var none = root.querySelector('[data-lgds-empty="upcoming"]');
      if (next) {
        body.innerHTML = next.innerHTML;
      } else {
        body.textContent = none ? none.textContent : "No upcoming events are listed yet.";
      }
    }
    if (moved) {
      Array.prototype.forEach.call(root.querySelectorAll("[data-lgds-asof]"), function (note) {
        note.textContent += " Events that have ended since then have been moved to the past events.";
      });
    }
    Array.prototype.forEach.call(root.querySelectorAll("[data-lgds-show-after]"), function (el) {
      var at = Date.parse(el.getAttribute("data-lgds-show-after"));
      if (!isNaN(at) && at < now) {
        el.hidden = false;
      }
    });
  }

  function run() {
    update(document, Date.now());
  }

  /* Material's instant navigation swaps pages without a full load; document$ tells us when. */
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(run);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", run);
  } else {
    run();
  }
  window.lgdsEvents = { update: update };
})();
