// Starts Swagger UI on /openapi.json. A file of its own, not an inline script, so
// the server's Content-Security-Policy (script-src 'self') holds on /docs too.
window.addEventListener("load", () => {
  window.ui = window.SwaggerUIBundle({
    url: "/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    presets: [window.SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
    validatorUrl: null, // the default validator is a remote service
  });
});
