// "Leave this site": replaces the page with a neutral one so Back does not return here.
// Works before Blazor starts and without it: any element with data-quick-exit, and the Escape key
// on pages that carry one.
(function () {
    const neutral = "https://www.bbc.co.uk/weather";

    function leave(event) {
        if (event) event.preventDefault();
        document.body.style.display = "none";
        window.location.replace(neutral);
    }

    document.addEventListener("click", function (event) {
        const target = event.target instanceof Element ? event.target.closest("[data-quick-exit]") : null;
        if (target) leave(event);
    });

    document.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && document.querySelector("[data-quick-exit]")) leave(event);
    });
})();
