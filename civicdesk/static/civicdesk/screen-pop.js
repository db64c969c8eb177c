// Screen pop (civicdesk.telephony): when the phone system says this agent answered a call, the
// page goes to the new-contact screen for it. An agent in the middle of a form is not taken
// away from it: a notice with a link appears instead. Reconnects with back-off.
(function () {
  "use strict";
  var script = document.currentScript;
  var notice = document.getElementById("screen-pop");
  if (!script || !notice || !("WebSocket" in window)) {
    return;
  }
  var path = script.dataset.socket;
  var delay = 1000;
  var typing = false;

  document.addEventListener("input", function (event) {
    if (event.target.form && event.target.form.method === "post") {
      typing = true;
    }
  });
  document.addEventListener("submit", function () {
    typing = false;
  });

  function show(pop) {
    var link = document.createElement("a");
    link.href = pop.url;
    link.textContent = notice.dataset.message.replace("{caller}", pop.caller || "?");
    notice.replaceChildren(link);
    notice.hidden = false;
  }

  function connect() {
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    var socket = new WebSocket(scheme + window.location.host + path);
    socket.addEventListener("open", function () {
      delay = 1000;
    });
    socket.addEventListener("message", function (event) {
      var pop = JSON.parse(event.data);
      if (pop.type !== "pop") {
        return;
      }
      if (typing) {
        show(pop);
      } else {
        window.location.assign(pop.url);
      }
    });
    socket.addEventListener("close", function (event) {
      if (event.code === 4403) {
        return; // not an agent: nothing will ever come
      }
      window.setTimeout(connect, delay);
      delay = Math.min(delay * 2, 30000);
    });
  }
  connect();
})();
