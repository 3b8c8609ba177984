UPDATE orders SET status = 'paid' WHERE status = 'shipped';
