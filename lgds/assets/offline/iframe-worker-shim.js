/* The offline copy's search, opened from a folder (file://).
   Browsers refuse to start a web worker from a file, so Material's search worker runs in a hidden
   iframe instead and messages pass between the two windows. Written for this kit, so that the
   offline copy loads nothing from other hosts. Does nothing when the site is served over http(s). */
(function () {
  "use strict";
  if (location.protocol !== "file:" || typeof window.IFrameWorker !== "undefined") {
    return;
  }

  class IFrameWorker extends EventTarget {
    constructor(url) {
      super();
      this.ready = false;
      this.queue = [];
      this.frame = document.createElement("iframe");
      this.frame.hidden = true;
      this.frame.title = "Search helper";
      this.frame.setAttribute("aria-hidden", "true");
      this.frame.setAttribute("tabindex", "-1");
      (document.body || document.documentElement).appendChild(this.frame);
      const win = this.frame.contentWindow;
      const doc = win.document;
      win.postMessage = (data) => {
        this.dispatchEvent(new MessageEvent("message", { data: data }));
      };
      win.importScripts = () => {
        throw new Error("importScripts is not available in the offline copy");
      };
      this.win = win;
      const script = doc.createElement("script");
      script.src = new URL(String(url), document.baseURI).href;
      script.onload = () => {
        this.ready = true;
        this.queue.splice(0).forEach((data) => this.deliver(data));
      };
      script.onerror = () => this.dispatchEvent(new Event("error"));
      (doc.head || doc.documentElement).appendChild(script);
    }

    deliver(data) {
      this.win.dispatchEvent(new this.win.MessageEvent("message", { data: data }));
    }

    postMessage(data) {
      if (this.ready) {
        this.deliver(data);
      } else {
        this.queue.push(data);
      }
    }

    terminate() {
      this.frame.remove();
    }
  }

  window.IFrameWorker = IFrameWorker;
  window.Worker = IFrameWorker;
})();
