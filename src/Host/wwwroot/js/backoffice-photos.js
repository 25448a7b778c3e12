// Drag and drop onto a photo form's drop zone fills its file input; the plain file input still works without this.
document.querySelectorAll(".dropzone").forEach(zone => {
  const input = zone.querySelector("input[type=file]");
  zone.addEventListener("dragover", event => { event.preventDefault(); zone.classList.add("dragging"); });
  zone.addEventListener("dragleave", () => zone.classList.remove("dragging"));
  zone.addEventListener("drop", event => {
    event.preventDefault();
    zone.classList.remove("dragging");
    if (event.dataTransfer && event.dataTransfer.files.length > 0) input.files = event.dataTransfer.files;
  });
});
