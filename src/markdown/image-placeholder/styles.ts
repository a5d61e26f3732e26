import { css } from 'lit';

// An image in an answer (image-placeholder.ts builds it): the loaded image, the placeholder link
// the user clicks to load it (its target size included), and the alt text of an image that may
// not load.
export const imagePlaceholderStyles = css`
  .markdown img.markdown-image {
    max-width: 100%;
    height: auto;
    border-radius: calc(var(--_radius) * 0.5);
  }
  .image-placeholder {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    padding: 1px 8px;
    border: 1px dashed var(--_border);
    border-radius: 6px;
    font-size: 0.9em;
  }
  .image-blocked {
    color: var(--_muted);
    font-style: italic;
  }
  /* At least 24×24 px (WCAG 2.5.8), 44×44 px for a finger (as every control: styles/targets.ts). */
  .image-placeholder {
    justify-content: center;
    min-width: 24px;
    min-height: 24px;
  }
  @media (pointer: coarse) {
    .image-placeholder {
      min-width: 44px;
      min-height: 44px;
    }
  }
`;
